/**
 * The overlay's style sheet, applied inside its closed shadow root so the page's CSS cannot reach it and it cannot
 * leak into the page. Sizes are in px, not rem: rem follows the page's root font size, which the page controls.
 * Colours meet WCAG 2.1 AA (4.5:1 for text, 3:1 for the focus ring) in both schemes.
 */
export const OVERLAY_CSS = `
:host { all: initial !important; }
* { box-sizing: border-box; }
.root {
  --bg: #ffffff; --fg: #1f1f1f; --muted: #474747; --border: #c4c7c5;
  --primary-bg: #0b57d0; --primary-fg: #ffffff; --secondary-fg: #0b57d0; --focus: #0b57d0;
  --danger-bg: #fce8e6; --danger-fg: #8c1d18; --danger-border: #b3261e;
  --ok-bg: #e6f4ea; --ok-fg: #0d5223;
  --sev-critical-bg: #8c1d18; --sev-critical-fg: #ffffff;
  --sev-high-bg: #b3261e; --sev-high-fg: #ffffff;
  --sev-warning-bg: #fff0c2; --sev-warning-fg: #5c3c00;
  --sev-info-bg: #e8f0fe; --sev-info-fg: #0b3d91;
  --scrim: rgba(0, 0, 0, 0.6);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg);
  direction: ltr;
  text-align: start;
}
@media (prefers-color-scheme: dark) {
  .root {
    --bg: #1f1f1f; --fg: #f1f1f1; --muted: #c7c7c7; --border: #5e5e5e;
    --primary-bg: #a8c7fa; --primary-fg: #062e6f; --secondary-fg: #a8c7fa; --focus: #a8c7fa;
    --danger-bg: #601410; --danger-fg: #ffdad6; --danger-border: #f2b8b5;
    --ok-bg: #0f3d1e; --ok-fg: #c4eed0;
    --sev-critical-bg: #ffdad6; --sev-critical-fg: #410e0b;
    --sev-high-bg: #f2b8b5; --sev-high-fg: #410e0b;
    --sev-warning-bg: #ffdf99; --sev-warning-fg: #3a2800;
    --sev-info-bg: #a8c7fa; --sev-info-fg: #062e6f;
    --scrim: rgba(0, 0, 0, 0.75);
  }
}
.surface {
  pointer-events: auto;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: 12px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.35);
}
.scrim {
  position: fixed; inset: 0; pointer-events: auto;
  display: flex; align-items: center; justify-content: center;
  background: var(--scrim); padding: 16px; overflow: auto;
}
.interstitial {
  position: fixed; inset: 0; pointer-events: auto;
  display: flex; align-items: center; justify-content: center;
  background: var(--bg); padding: 16px; overflow: auto;
}
.dialog {
  width: 100%; max-width: 580px; max-height: calc(100vh - 32px); overflow: auto; padding: 24px;
}
.interstitial .dialog { box-shadow: none; border-width: 2px; border-color: var(--danger-border); }
.banner {
  position: fixed; top: 16px; right: 16px; width: calc(100% - 32px); max-width: 440px; padding: 16px 16px 12px;
}
.confirmation, .pill {
  position: fixed; bottom: 16px; right: 16px; max-width: min(440px, calc(100% - 32px));
  padding: 10px 16px; border-radius: 999px; font-size: 14px;
}
.confirmation { background: var(--ok-bg); color: var(--ok-fg); border-color: var(--ok-fg); animation: fade-out 600ms ease-in 3400ms forwards; }
.confirmation-source { margin: 6px 0 0; font-weight: 400; }
@keyframes fade-out { to { opacity: 0; visibility: hidden; } }
.brand { margin: 0 0 4px; font-size: 13px; font-weight: 600; color: var(--muted); letter-spacing: 0.02em; }
.title { margin: 0 0 8px; font-size: 20px; line-height: 1.3; font-weight: 700; }
.banner .title { font-size: 16px; }
.summary { margin: 0 0 16px; }
.app-name { font-weight: 700; overflow-wrap: anywhere; }
.meta { margin: 0 0 16px; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.section-title { margin: 16px 0 8px; font-size: 15px; font-weight: 700; }
.list { margin: 0; padding: 0 0 0 20px; }
.list li { margin: 0 0 6px; overflow-wrap: anywhere; }
.scope-name { margin-left: 6px; font-size: 12px; }
.lookalike {
  margin: 0 0 16px; padding: 12px 14px; border-radius: 8px; border: 2px solid var(--danger-border);
  background: var(--danger-bg); color: var(--danger-fg);
}
.lookalike-title { margin: 0 0 4px; font-size: 17px; font-weight: 800; text-transform: uppercase; letter-spacing: 0.03em; }
.lookalike p { margin: 0 0 4px; }
.severity {
  display: inline-block; margin-right: 8px; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 700;
}
.severity-critical { background: var(--sev-critical-bg); color: var(--sev-critical-fg); }
.severity-high { background: var(--sev-high-bg); color: var(--sev-high-fg); }
.severity-warning { background: var(--sev-warning-bg); color: var(--sev-warning-fg); }
.severity-info { background: var(--sev-info-bg); color: var(--sev-info-fg); }
.field { margin: 16px 0 0; }
.field label { display: block; font-weight: 700; margin: 0 0 4px; }
.field textarea {
  display: block; width: 100%; min-height: 72px; padding: 8px; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: 6px; resize: vertical;
}
.field textarea[aria-invalid="true"] { border: 2px solid var(--danger-border); }
.hint { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
.error { margin: 8px 0 0; padding: 8px 10px; border-radius: 6px; background: var(--danger-bg); color: var(--danger-fg); font-weight: 600; }
.status { margin: 12px 0 0; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin: 20px 0 0; }
/* The choice stays in view while the details scroll. */
.dialog .actions { position: sticky; bottom: -24px; margin: 20px -24px -24px; padding: 12px 24px; background: var(--bg); border-top: 1px solid var(--border); }
.banner .actions { margin-top: 12px; }
button {
  font: inherit; font-weight: 600; font-size: 14px; cursor: pointer; border-radius: 999px; padding: 8px 18px;
  border: 1px solid var(--border); background: var(--bg); color: var(--secondary-fg);
}
button.primary { background: var(--primary-bg); border-color: var(--primary-bg); color: var(--primary-fg); }
button[aria-disabled="true"] { cursor: progress; opacity: 0.7; }
button:focus-visible, textarea:focus-visible, a:focus-visible, .dialog:focus-visible, .banner:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.dialog:focus:not(:focus-visible), .banner:focus:not(:focus-visible) { outline: none; }
a { color: var(--secondary-fg); }
.dialog .support { margin: 0 0 8px; }
.support { margin: 16px 0 0; font-size: 13px; color: var(--muted); }
/* The device-code warning's one sentence: as loud as the look-alike alert. */
.device-code-rule {
  margin: 0 0 16px; padding: 12px 14px; border-radius: 8px; border: 2px solid var(--danger-border);
  background: var(--danger-bg); color: var(--danger-fg); font-size: 17px; font-weight: 700;
}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) {
  .confirmation { animation-duration: 1ms; }
}
`;
