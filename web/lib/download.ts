// Saving files the browser built itself (chart PNGs, table CSVs) under a readable file name.

/** A file name safe on Windows, macOS and Linux; Chinese characters are kept. */
export function safeFilename(name: string): string {
	const cleaned = name
		.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	return cleaned.slice(0, 120) || 'download';
}

/** Saves `href` (a data: or blob: URL) as `filename` through a temporary link. */
export function saveHref(href: string, filename: string): void {
	const link = document.createElement('a');
	link.href = href;
	link.download = safeFilename(filename);
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
}

export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	saveHref(url, filename);
	// Revoking at once can cancel the download in some browsers; a minute is plenty.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
