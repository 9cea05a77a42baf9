// What the export buttons need to make a file, loaded on the first export so it stays out of the first-load JavaScript.
export { captionLines, pageLegend } from './caption';
export { downloadBlob } from './download';
export { svgToPng } from './png';
export { standaloneSvg } from './standalone-svg';
export { traceMarkdown } from './trace-markdown';
