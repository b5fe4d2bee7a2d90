import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { linkCommand } from "./link-command.js";

function usageMessage(args: string[]): string {
  try {
    linkCommand(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("icr link", () => {
  it("prints the share URL with the UTM parameters of METRICS.md §4", () => {
    expect(
      linkCommand([
        "--handle",
        "@alice",
        "--destination",
        "https://shop.example/products/tee?color=red#size",
        "--campaign",
        "spring",
        "--platform",
        "Instagram",
      ]),
    ).toBe(
      "https://shop.example/products/tee?color=red&utm_source=instagram&utm_medium=influencer&utm_campaign=spring&utm_content=alice#size\n",
    );
  });

  it("leaves out the parameters it was not given", () => {
    expect(linkCommand(["--handle", "bob", "--destination", "https://shop.example/"])).toBe(
      "https://shop.example/?utm_medium=influencer&utm_content=bob\n",
    );
  });

  it("adds the app's short link with --base-url and --slug", () => {
    expect(
      linkCommand(["--handle", "alice", "--destination", "https://shop.example/", "--base-url", "https://icr.example/app/", "--slug", "alice-ig"]),
    ).toBe("https://shop.example/?utm_medium=influencer&utm_content=alice\nhttps://icr.example/app/r/alice-ig\n");
  });

  it("returns its help for --help or no arguments", () => {
    expect(linkCommand(["--help"])).toMatch(/^Usage: icr link/u);
    expect(linkCommand([])).toMatch(/^Usage: icr link/u);
  });

  it("rejects missing or malformed values, saying what is expected", () => {
    expect(usageMessage(["--destination", "https://shop.example/"])).toBe("--handle H is required");
    expect(usageMessage(["--handle", "alice"])).toBe("--destination URL is required");
    expect(usageMessage(["--handle", "al ice", "--destination", "https://shop.example/"])).toBe(
      '--handle "al ice" may only contain letters, digits, ".", "_" and "-"',
    );
    expect(usageMessage(["--handle", "alice", "--destination", "/products/tee"])).toBe(
      '--destination "/products/tee" is not a URL: write it in full, e.g. https://shop.example/products/tee',
    );
    expect(usageMessage(["--handle", "alice", "--destination", "ftp://shop.example/"])).toBe(
      '--destination "ftp://shop.example/" must start with https:// or http://',
    );
    expect(usageMessage(["--handle", "alice", "--destination", "https://shop.example/", "--slug", "x"])).toBe(
      "--base-url and --slug go together: give both to print the short link",
    );
    expect(usageMessage(["--handle", "alice", "--destination", "https://s.example/", "--base-url", "https://icr.example", "--slug", "a/b"])).toBe(
      '--slug "a/b" may only contain letters, digits, "-" and "_"',
    );
    expect(usageMessage(["--handle", "alice", "--destination", "https://s.example/", "--base-url", "https://icr.example/?x=1", "--slug", "ab"])).toBe(
      '--base-url "https://icr.example/?x=1" must not carry a query or fragment',
    );
    expect(usageMessage(["--handle", "alice", "--destination", "https://s.example/", "--utm", "x"])).toBe("unknown option --utm");
  });
});
