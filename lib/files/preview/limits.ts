// Every bound of preview generation in one place. Previews are made on the server from files
// anyone in a space may upload, so each step is capped before it can cost much.

/**
 * Bumped whenever the output of renderPreview changes shape or content, so previews cached
 * under a version checksum are made again instead of being served stale.
 */
export const PREVIEW_FORMAT_VERSION = 1;

/** Bytes of a file's start that sniffing reads (what file-type needs for every format it knows). */
export const SNIFF_BYTES = 4100;

/** Text, Markdown and source code: at most this much of the file is shown (then truncated). */
export const TEXT_MAX_BYTES = 1024 * 1024;
/** Code (files, and fenced blocks in Markdown) is highlighted only in texts up to this many characters (about 0.5 s). */
export const HIGHLIGHT_MAX_CHARS = 256_000;

/** An Office file (.docx, .xlsx) larger than this is not opened. */
export const OFFICE_MAX_BYTES = 50 * 1024 * 1024;
/** …nor one whose zip directory declares more than this unpacked (a zip bomb, or nothing anyone reads online). */
export const OFFICE_MAX_UNPACKED = 200 * 1024 * 1024;
/** Parsing an Office file is given up after this long. */
export const OFFICE_TIMEOUT_MS = 20_000;

/** A .docx's converted HTML (markup and text, images aside) is cut after this many characters. */
export const DOCX_HTML_MAX_CHARS = 2_000_000;
/** Pictures in a .docx are inlined only when each is at most this large… */
export const DOCX_IMAGE_MAX_BYTES = 1024 * 1024;
/** …and while all inlined pictures together stay under this. */
export const DOCX_IMAGES_MAX_BYTES = 5 * 1024 * 1024;

/** A workbook preview shows at most this many sheets, rows and columns of each sheet. */
export const SHEETS_MAX = 20;
export const SHEET_ROWS_MAX = 500;
export const SHEET_COLUMNS_MAX = 50;
/** A cell's text is cut after this many characters (a cell may hold 32,767). */
export const CELL_MAX_CHARS = 1000;
/** All cells of a workbook preview together: past this, no further rows are shown. */
export const SHEETS_MAX_CHARS = 2_000_000;
