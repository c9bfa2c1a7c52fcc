import { describe, expect, it } from 'vitest';
import { routeRefusal } from '../../../../src/main/server/route-access';
import { COMMAND_NAMES, COMMANDS } from '../../../../src/shared/command-registry';

describe('who may use which route', () => {
  it("refuses a command's route to every role the registry does not list for it, naming the command", () => {
    for (const name of COMMAND_NAMES) {
      const http = COMMANDS[name].http;
      if (!http) continue;
      for (const role of ['producer', 'moderator', 'viewer'] as const) {
        const refusal = routeRefusal(role, http.method, http.path);
        expect(refusal, `${role} ${http.method} ${http.path}`).toBe(COMMANDS[name].roles.includes(role) ? null : `a ${role} cannot run ${name}`);
      }
    }
  });

  it('lets a moderator pin and set stock but not change the show, import the catalogue or touch settings', () => {
    expect(routeRefusal('moderator', 'POST', '/api/v1/rundown/pin')).toBeNull();
    expect(routeRefusal('moderator', 'POST', '/api/v1/products/:productId/stock')).toBeNull();
    expect(routeRefusal('moderator', 'PATCH', '/api/v1/show')).toBe('a moderator cannot run show.update');
    expect(routeRefusal('moderator', 'POST', '/api/v1/products/import')).toBe('a moderator cannot run catalogue.import');
    expect(routeRefusal('moderator', 'GET', '/api/v1/obs/connections/:id')).toBe('a moderator cannot change or read OBS settings');
    expect(routeRefusal('viewer', 'HEAD', '/api/v1/sales/report.csv')).toBe('a viewer cannot download the sales report');
  });

  it('lets every role read the show and lets the producer use everything', () => {
    expect(routeRefusal('viewer', 'GET', '/api/v1/show')).toBeNull();
    expect(routeRefusal('producer', 'PATCH', '/api/v1/show')).toBeNull();
    expect(routeRefusal('producer', 'DELETE', '/api/v1/devices/:id')).toBeNull();
  });

  it("keeps the show library and season reports to the producer while a show's chapters stay readable by every role", () => {
    expect(routeRefusal('moderator', 'POST', '/api/v1/shows/:id/open')).toBe('a moderator cannot manage the show library');
    expect(routeRefusal('viewer', 'GET', '/api/v1/shows')).toBe('a viewer cannot manage the show library');
    expect(routeRefusal('moderator', 'GET', '/api/v1/reports/shows.csv')).toBe('a moderator cannot download season reports');
    expect(routeRefusal('moderator', 'GET', '/api/v1/shows/:id/chapters.txt')).toBeNull();
    expect(routeRefusal('producer', 'POST', '/api/v1/shows/:id/open')).toBeNull();
  });
});
