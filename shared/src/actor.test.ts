import { actorUsername, ENTERPRISE_ACTOR, importActor, SYSTEM_ACTORS, userActor } from './actor';

describe('actors', () => {
  it('names a signed-in user by id and username, and reads the username back', () => {
    const actor = userActor({ id: 12, username: 'officer:1' });
    expect(actor).toBe('user:12:officer:1');
    expect(actorUsername(actor)).toBe('officer:1');
  });

  it('has no username for the enterprise, the server\'s jobs or an import', () => {
    for (const actor of [ENTERPRISE_ACTOR, SYSTEM_ACTORS.nightlyReport, importActor('/data/2026-11'), 'user:x:someone']) expect(actorUsername(actor)).toBeNull();
  });
});
