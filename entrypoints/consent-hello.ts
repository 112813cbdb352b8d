/**
 * Runs at document_start on every page of the known consent hosts and only says hello: the background answers
 * whether the tab is in an authorization flow and, if it is, injects the overlay. Everything else stays out of
 * this script, which costs on every page of those hosts (budget: 1 ms main-thread time, 40 kB).
 *
 * It is built as an unlisted script and declared in the manifest by wxt.config.ts, not as a WXT content script:
 * WXT's content-script wrapper imports the polyfill and sets up a context on every load, which measured 4-5 ms
 * here against about 1 ms for this script alone.
 *
 * It calls the extension API through the global (`browser` in Firefox, `chrome` in Chromium, both promise-based
 * in MV3) rather than importing the polyfill, which would add its wrapper set-up to every page load here.
 */
interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

export default defineUnlistedScript({
  main() {
    const scope = globalThis as { browser?: RuntimeLike; chrome?: RuntimeLike };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('Consent Gate: no extension runtime in this content script.');
    api.runtime.sendMessage({ type: 'consent/hello', url: location.href }).catch((error: unknown) => {
      // The background is unreachable (updating or crashed): the page is unchecked, so say so where it can be seen.
      console.warn('Consent Gate could not check this page:', error);
    });
  },
});
