import { describe, expect, it } from 'vitest';
import { OVERLAY_READER, OWNER, type Principal } from '../../../../src/main/access/principal';
import { patchFor, viewFor } from '../../../../src/main/access/view-for';
import type { ShowView } from '../../../../src/shared/view';

const moderator: Principal = { kind: 'device', id: 'd1', name: 'Tablet', role: 'moderator' };
const producerDevice: Principal = { kind: 'device', id: 'd2', name: 'Laptop', role: 'producer' };
const obs = [{ id: 'c1' }] as ShowView['obs'];
const view = { revision: 4, title: 'Spring', obs } as ShowView;

describe('what a face may see of the view', () => {
  it('gives OBS connections to the owner and producer devices, and an empty list to moderators and overlays', () => {
    expect(viewFor(OWNER, view)).toBe(view);
    expect(viewFor(producerDevice, view).obs).toEqual(obs);
    expect(viewFor(moderator, view)).toEqual({ ...view, obs: [] });
    expect(viewFor(OVERLAY_READER, view).obs).toEqual([]);
  });

  it('leaves OBS out of a patch for non-producers, and sends them nothing when only OBS changed', () => {
    expect(patchFor(OWNER, { obs })).toEqual({ obs });
    expect(patchFor(moderator, { obs })).toBeNull();
    expect(patchFor(moderator, { revision: 5, obs })).toEqual({ revision: 5 });
  });
});
