export async function runBench(out: (s: string) => void): Promise<void> {
  out('bench: not yet\n');
}
