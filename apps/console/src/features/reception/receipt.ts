import { fetchReceipt, ResidentLanguage } from './reception-api';

export interface OpenedReceipt {
  /** An object URL of the PDF; the caller revokes it when the card is done. */
  url: string;
  /** False when the browser blocked the new window: offer the URL as a download link. */
  opened: boolean;
}

/**
 * Fetches the receipt PDF with the bearer token and shows it in a new window. The window is opened
 * before the fetch, while the click still counts as the person's gesture, so popup blockers allow it.
 */
export async function openReceipt(appealId: string, language: ResidentLanguage): Promise<OpenedReceipt> {
  const target = window.open('', '_blank');
  let blob: Blob;
  try {
    blob = await fetchReceipt(appealId, language);
  } catch (error) {
    target?.close();
    throw error;
  }
  const url = URL.createObjectURL(blob);
  if (target && !target.closed) {
    target.location.href = url;
    return { url, opened: true };
  }
  return { url, opened: false };
}
