import { registerBackground } from '../lib/background/register-background';

export default defineBackground(() => {
  // Listeners are added synchronously inside; the returned start-up work logs its own failures.
  void registerBackground();
});
