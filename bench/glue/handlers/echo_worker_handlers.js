// The user's handlers for the benchmark's EchoWorker, in place of the generated
// scaffold: what anyone would write for an echo, following the scaffold's signature.

export async function handleEcho({ text, n }, reply) {
  reply.echoed({ text, n });
}
