import { dingtalkDirectoryConfigFromEnv, dingtalkDirectoryReader } from '@/lib/platforms/dingtalk/directory';
import { feishuDirectoryConfigFromEnv, feishuDirectoryReader } from '@/lib/platforms/feishu/directory';
import { ldapConfigFromEnv, ldapReader } from './ldap-source';
import type { DirectorySource } from './rules';
import type { DirectoryReader } from './snapshot';

/** A directory this installation is configured to read (from the environment). */
export interface ConfiguredSource {
  source: Exclude<DirectorySource, 'file' | 'scim'>;
  reader: () => DirectoryReader;
}

/** One registry entry: the source's settings from the environment (none: not configured) and its reader. */
export function sourceEntry<C>(source: ConfiguredSource['source'], configFromEnv: () => C | null | undefined, readerFor: (config: C) => DirectoryReader) {
  return (): ConfiguredSource | null => {
    const config = configFromEnv();
    return config ? { source, reader: () => readerFor(config) } : null;
  };
}

// The file source is not listed: it reads an upload, not a configured system; SCIM pushes instead of being read.
const REGISTRY: (() => ConfiguredSource | null)[] = [
  sourceEntry('ldap', () => ldapConfigFromEnv(), ldapReader),
  sourceEntry('dingtalk', dingtalkDirectoryConfigFromEnv, dingtalkDirectoryReader),
  sourceEntry('feishu', feishuDirectoryConfigFromEnv, feishuDirectoryReader),
];

export function configuredSources(): ConfiguredSource[] {
  return REGISTRY.map((configured) => configured()).filter((s): s is ConfiguredSource => s !== null);
}

export function configuredSource(source: string): ConfiguredSource | undefined {
  return configuredSources().find((s) => s.source === source);
}
