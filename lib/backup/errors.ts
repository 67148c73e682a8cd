/** An expected refusal or failure of a backup or restore: the CLI prints its message, no stack. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
