import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled;
  // exceljs is a large CommonJS library that Node loads as it is; pdfkit reads its font data and
  // pdfjs-dist its worker from their own folders at run time, and archiver is plain Node streams.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs', 'exceljs', 'pdfkit', 'archiver', 'pdfjs-dist'],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
