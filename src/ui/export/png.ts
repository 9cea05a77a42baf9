import { svgSize } from './standalone-svg';

/** Pixels per CSS pixel in the PNG, so text stays sharp on slides. */
const SCALE = 2;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The picture could not be drawn as an image.'));
    image.src = url;
  });
}

/** Rasterises the standalone SVG text through a canvas. */
export async function svgToPng(svgText: string, svg: SVGSVGElement): Promise<Blob> {
  const drawn = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    // The file's own size: it is taller than the live picture by its caption and legend.
    const width = image.naturalWidth || drawn.width;
    const height = image.naturalHeight || drawn.height;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * SCALE);
    canvas.height = Math.ceil(height * SCALE);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.scale(SCALE, SCALE);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
