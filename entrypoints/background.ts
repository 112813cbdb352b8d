export default defineBackground(() => {
  // Wired up in the browser-side work: capture, evaluate, badge.
});
