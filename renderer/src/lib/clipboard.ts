/**
 * Copies plain text. The async Clipboard API first; when a permission policy refuses it, the older
 * copy command on a temporary, off-screen text area (still a user gesture, so it is allowed).
 */
export const copyText = async (text: string): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    try {
      // Deprecated, but the only fallback when a permission policy refuses clipboard-write.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
};
