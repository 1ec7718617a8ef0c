import { maskPhone } from '@mashang/shared';
import { RegisterHistory } from './register-history.entity.js';
/** The fields whose values differ between two versions of a register entry (phones compared in clear, kept masked). */
export function diffFields(before, after, fields) {
    const changes = {};
    for (const field of fields) {
        const from = before ? (before[field] ?? null) : null;
        const to = after[field] ?? null;
        if (from === to)
            continue;
        changes[field] = field === 'phone' ? { from: maskPhone(from), to: maskPhone(to) } : { from, to };
    }
    return changes;
}
export async function appendHistory(manager, actor, events, at = new Date()) {
    if (!events.length)
        return;
    await manager.insert(RegisterHistory, events.map((event) => ({ ...event, actor, at, changes: JSON.stringify(event.changes) })));
}
