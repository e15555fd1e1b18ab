// Writes are durable once acknowledged: SIGKILL the emulator in the middle of a stream of writes,
// restart it on the same data directory, and every acknowledged row is there.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator, connectRemote, tempDir, removeDir } from './helpers/emulator.mjs';
import { raw, vectorStream } from './helpers/raw.mjs';

describe('durability', () => {
  test('SIGKILL during a stream of acknowledged writes loses no acknowledged row', async () => {
    const dir = await tempDir();
    try {
      let emu = await startEmulator({ data: dir });
      const created = await raw(emu.url, '/v1/table/ledger/create/?mode=create', { body: vectorStream([{ id: -1, vector: [0, 0, 0, 0] }], 4) });
      assert.equal(created.status, 200);

      const acknowledged = [];
      let next = 0;
      let killed = false;
      // Three concurrent writers (the per-table mutex serializes them), each posting one row at a time.
      const writer = async () => {
        while (!killed) {
          const id = next++;
          try {
            const r = await raw(emu.url, '/v1/table/ledger/insert/', { body: vectorStream([{ id, vector: [id, 1, 2, 3] }], 4) });
            if (r.status === 200) acknowledged.push(id);
          } catch {
            return; // the connection died with the server: this write was never acknowledged
          }
        }
      };
      const writers = [writer(), writer(), writer()];
      const deadline = Date.now() + 30_000;
      while (acknowledged.length < 40) {
        assert.ok(Date.now() < deadline, `only ${acknowledged.length} writes acknowledged in 30 s`);
        await sleep(5);
      }
      await emu.kill(); // SIGKILL, mid-stream
      killed = true;
      await Promise.all(writers);
      assert.equal(emu.proc.signalCode, 'SIGKILL');

      emu = await startEmulator({ data: dir });
      try {
        const db = await connectRemote(emu.url);
        const table = await db.openTable('ledger');
        const ids = new Set((await table.query().select(['id']).toArray()).map((r) => r.id));
        const lost = acknowledged.filter((id) => !ids.has(id));
        assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged rows lost`);
        assert.ok(ids.has(-1));
        // The table is still writable after the crash.
        await table.add([{ id: 100000, vector: [1, 1, 1, 1] }]);
        assert.equal(await table.countRows('id = 100000'), 1);
      } finally {
        await emu.stop();
      }
    } finally {
      await removeDir(dir);
    }
  });
});
