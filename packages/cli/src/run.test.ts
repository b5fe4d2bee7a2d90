import { describe, expect, it } from "vitest";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, run } from "./run.js";
import { FIXTURES, memoryIo } from "./test-files.js";

async function icr(args: string[]) {
  const io = memoryIo(FIXTURES);
  const code = await run(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe("run", () => {
  it("prints the help on stdout for --help, -h and help", async () => {
    for (const args of [["--help"], ["-h"], ["help"]]) {
      const { code, stdout, stderr } = await icr(args);
      expect(code).toBe(EXIT_OK);
      expect(stdout).toMatch(/^icr: Influencer Conversion Rate reports/u);
      expect(stderr).toBe("");
    }
  });

  it("prints a command's help for help report / help link", async () => {
    expect((await icr(["help", "report"])).stdout).toMatch(/^Usage: icr report /u);
    expect((await icr(["help", "link"])).stdout).toMatch(/^Usage: icr link /u);
    expect((await icr(["link", "--help"])).stdout).toMatch(/^Usage: icr link /u);
  });

  it("prints the package version", async () => {
    const { code, stdout } = await icr(["--version"]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it("with no command shows the help on stderr and exits 2", async () => {
    const { code, stdout, stderr } = await icr([]);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^icr: Influencer Conversion Rate/u);
  });

  it("rejects an unknown command or a flag before the command, saying what to run", async () => {
    expect(await icr(["reprot"])).toEqual({
      code: EXIT_USAGE,
      stdout: "",
      stderr: 'icr: unknown command "reprot"\nrun "icr --help" to see the commands (report, link)\n',
    });
    expect((await icr(["--orders", "x"])).stderr).toMatch(/^icr: unknown option --orders before the command\n/u);
    expect((await icr(["help", "nothing"])).stderr).toMatch(/^icr: no help on "nothing"\n/u);
  });

  it("reports a bug as an internal error with exit 1", async () => {
    const io = memoryIo(FIXTURES);
    const broken = { ...io, stdout: { write: () => { throw new TypeError("stdout exploded"); } } };
    expect(await run(["--version"], broken)).toBe(EXIT_INTERNAL);
    expect(io.err()).toMatch(/^icr: internal error, please report it with the command you ran:\nTypeError: stdout exploded/u);
  });
});
