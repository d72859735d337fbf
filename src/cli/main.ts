export async function main(a: string[]): Promise<number> { console.log("cli", a); return 0; }
