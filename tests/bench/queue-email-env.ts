// Imported first by the digest benchmark: the app reads its environment once, when first imported,
// so the mail setting must be there before. The emails are queued, not sent: queueing is part of the digest's work.
process.env.SMTP_URL ??= 'smtp://127.0.0.1:2525';
