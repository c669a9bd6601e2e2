// Test handlers for HTTPProbeWorker (the second worker, for setupWorkers).

export async function handleProbe({ path }, reply) {
  reply.probed({ path, status: 200 });
}
