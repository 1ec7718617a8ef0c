/**
 * Who did something, as the trail, case logs and register history record it:
 * `user:<id>:<username>` for a signed-in user, `enterprise` for the enterprise (never who in it),
 * `system:<what>` for the server's own jobs, `import:<folder>` for an exchange import.
 */
export type Actor = string;

export function userActor(user: { id: number | string; username: string }): Actor {
  return `user:${user.id}:${user.username}`;
}

/** The username of a signed-in user's actor (`user:12:officer1` → officer1); null for anyone else. */
export function actorUsername(actor: Actor): string | null {
  return /^user:\d+:(.+)$/.exec(actor)?.[1] ?? null;
}

/** The user id of a signed-in user's actor (`user:12:officer1` → 12); null for anyone else. */
export function actorUserId(actor: Actor): number | null {
  const id = /^user:(\d+):/.exec(actor)?.[1];
  return id === undefined ? null : Number(id);
}

export const ENTERPRISE_ACTOR: Actor = 'enterprise';

/** Someone at the command line (`npm run cli`). */
export const CLI_ACTOR: Actor = 'cli';

/** The server's own jobs. */
export const SYSTEM_ACTORS = {
  nightlyReport: 'system:nightly-report',
  warningReport: 'system:warning-report',
  sms: 'system:sms',
  emergencyCodeDeadline: 'system:emergency-code-deadline',
} as const satisfies Record<string, Actor>;

export function importActor(folder: string): Actor {
  return `import:${folder}`;
}
