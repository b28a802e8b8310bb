import { useEffect, useState } from 'react';
import { StaffRole } from '@akimat/contracts/browser';
import type { DeskPlacement } from './appeal-draft';
import { CHANNELS_OUTSIDE_SESSION, OFFICIAL_POSITIONS, OfficialPosition } from './reception-api';

export type OutsideChannel = (typeof CHANNELS_OUTSIDE_SESSION)[number];

/** Where the desk records appeals: kept for the tab, so "record next appeal" stays in the session. */
export interface Desk {
  mode: 'session' | 'outside';
  sessionId: string;
  channel: OutsideChannel;
}

const DESK_KEY = 'akimat.reception.desk';
const INITIAL: Desk = { mode: 'session', sessionId: '', channel: 'walk_in' };

function loadDesk(): Desk {
  try {
    const stored = JSON.parse(sessionStorage.getItem(DESK_KEY) ?? 'null') as Partial<Desk> | null;
    if (!stored) return INITIAL;
    return {
      mode: stored.mode === 'outside' ? 'outside' : 'session',
      sessionId: typeof stored.sessionId === 'string' ? stored.sessionId : '',
      channel: CHANNELS_OUTSIDE_SESSION.find((channel) => channel === stored.channel) ?? 'walk_in',
    };
  } catch {
    return INITIAL;
  }
}

export function useDesk(): [Desk, (next: Desk) => void] {
  const [desk, setDesk] = useState(loadDesk);
  useEffect(() => {
    sessionStorage.setItem(DESK_KEY, JSON.stringify(desk));
  }, [desk]);
  return [desk, setDesk];
}

/** Where an appeal goes, or undefined while a session is still to be chosen. */
export function placementOf(desk: Desk): DeskPlacement | undefined {
  if (desk.mode === 'outside') return { channel: desk.channel };
  return desk.sessionId ? { sessionId: desk.sessionId } : undefined;
}

/** The official position a signed-in person receives residents as, if any. */
export function officialPositionOf(roles: readonly StaffRole[]): OfficialPosition | undefined {
  return OFFICIAL_POSITIONS.find((position) => roles.includes(position));
}
