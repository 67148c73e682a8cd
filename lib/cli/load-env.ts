import nextEnv from '@next/env';

// The CLI reads the same .env files as the Next server, before lib/env parses them.
nextEnv.loadEnvConfig(process.cwd());
