/** Saves text as a file from an extension page through a temporary object URL; no `downloads` permission needed. */
export function downloadTextFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the URL asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
