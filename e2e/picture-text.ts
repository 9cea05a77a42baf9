/**
 * The smallest rendered size of the picture's text: its font size times the SVG's scale. Runs in the page
 * (`page.evaluate(smallestPictureText)`), so it may use only what the browser has.
 */
export function smallestPictureText() {
  let smallest = Number.POSITIVE_INFINITY;
  for (const text of document.querySelectorAll<SVGTextElement>('.diagram svg text')) {
    const box = text.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const matrix = text.getScreenCTM();
    const size = Number.parseFloat(getComputedStyle(text).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
    smallest = Math.min(smallest, size);
  }
  return smallest;
}
