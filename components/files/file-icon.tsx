import { File, FileArchive, FileAudio, FileCode, FileImage, FileSpreadsheet, FileText, FileVideo, Folder } from 'lucide-react';
import type { PreviewKind } from '@/lib/files/rules';

const ICONS: Record<PreviewKind | 'folder', typeof File> = {
  folder: Folder, image: FileImage, pdf: FileText, text: FileText, markdown: FileText, code: FileCode,
  docx: FileText, xlsx: FileSpreadsheet, audio: FileAudio, video: FileVideo, none: File,
};

const COLORS: Partial<Record<PreviewKind | 'folder', string>> = {
  folder: 'text-amber-500', pdf: 'text-red-600', docx: 'text-blue-600', xlsx: 'text-green-600', image: 'text-purple-600',
};

export function FileIcon({ kind, mime }: { kind: PreviewKind | 'folder'; mime?: string }) {
  const Icon = mime?.includes('zip') ? FileArchive : ICONS[kind];
  return <Icon className={`size-5 shrink-0 ${COLORS[kind] ?? 'text-slate-500'}`} aria-hidden="true" />;
}
