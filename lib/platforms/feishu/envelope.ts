import { PlatformApiError } from '../http';

/** Feishu's open APIs answer `{ code, msg, data }`, code 0 meaning success (the HTTP status may be 4xx too). */
export function checkFeishuCode(endpoint: string, status: number, json: Record<string, unknown>): void {
  if (json.code === 0 && status < 400) return;
  const code = json.code === undefined || json.code === 0 ? `http_${status}` : String(json.code);
  throw new PlatformApiError('feishu', endpoint, code, String(json.msg ?? json.error_description ?? ''), status);
}
