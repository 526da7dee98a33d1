// A chart exported as PNG should still say what it shows once it is pasted into a report: this draws
// the card's title, its description (the filters) and its footnote around the chart's own image.
// The live chart is left alone (no setOption round trip), so the page does not redraw or flicker.

import { CHART_FONT_FAMILY } from './echarts.ts';

export interface Caption {
	title: string;
	subtitle?: string | null;
	footnote?: string | null;
}

/** A PNG data URL: `src` (an image data URL at `pixelRatio`) with the caption drawn above and below. */
export async function withCaption(src: string, caption: Caption, pixelRatio = 2): Promise<string> {
	const image = new Image();
	image.src = src;
	await image.decode();

	const px = (n: number) => n * pixelRatio;
	const pad = px(20);
	const titleSize = px(18);
	const smallSize = px(12);
	const titleHeight = titleSize * 1.5;
	const subtitleHeight = caption.subtitle ? smallSize * 1.7 : 0;
	const footHeight = caption.footnote ? smallSize * 1.9 : 0;

	const canvas = document.createElement('canvas');
	canvas.width = image.width + 2 * pad;
	canvas.height = pad + titleHeight + subtitleHeight + px(8) + image.height + footHeight + pad;
	const context = canvas.getContext('2d');
	if (!context) return src; // no 2D canvas (very old browser): the bare chart is still useful

	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.textBaseline = 'top';

	let y = pad;
	context.fillStyle = '#1e293b';
	context.font = `600 ${titleSize}px ${CHART_FONT_FAMILY}`;
	context.fillText(caption.title, pad, y, image.width);
	y += titleHeight;
	if (caption.subtitle) {
		context.fillStyle = '#64748b';
		context.font = `${smallSize}px ${CHART_FONT_FAMILY}`;
		context.fillText(caption.subtitle, pad, y, image.width);
		y += subtitleHeight;
	}
	y += px(8);
	context.drawImage(image, pad, y);
	y += image.height;
	if (caption.footnote) {
		context.fillStyle = '#475569';
		context.font = `${smallSize}px ${CHART_FONT_FAMILY}`;
		context.fillText(caption.footnote, pad, y + smallSize * 0.6, image.width);
	}
	return canvas.toDataURL('image/png');
}
