// The client address behind reverse proxies (TRUST_PROXY): never a header the client chose itself.
import { describe, expect, it } from "vitest";
import { AddressListError, clientAddress, parseTrustProxy } from "@/lib/http/client-address";
import { ConfigError, loadConfig } from "../../scripts/start-config";

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const none = parseTrustProxy(undefined);
    expect(clientAddress("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", undefined, parseTrustProxy("false"))).toBe("203.0.113.5");
    expect(clientAddress(undefined, "198.51.100.1", none)).toBe("unknown");
  });

  it("with TRUST_PROXY=true is the entry the proxy in front appended, not one the client sent", () => {
    const nearest = parseTrustProxy("true");
    expect(clientAddress("127.0.0.1", "198.51.100.7", nearest)).toBe("198.51.100.7");
    // the client sent "X-Forwarded-For: 10.0.0.1"; nginx appended its real address
    expect(clientAddress("127.0.0.1", "10.0.0.1, 198.51.100.7", nearest)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", ["10.0.0.1", "198.51.100.7"], nearest)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", undefined, nearest)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "not-an-address", nearest)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "2001:db8::9", nearest)).toBe("2001:db8::9");
  });

  it("with a list reads X-Forwarded-For only from a listed proxy, and walks past the listed ones", () => {
    const listed = parseTrustProxy("127.0.0.1, 10.0.0.0/8");
    // nginx on 127.0.0.1 behind a load balancer at 10.1.2.3
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", listed)).toBe("198.51.100.7");
    // a client reaching the instance directly is not believed
    expect(clientAddress("203.0.113.5", "10.1.2.3, 198.51.100.7", listed)).toBe("203.0.113.5");
    // every hop a proxy: the left-most stands for the client
    expect(clientAddress("127.0.0.1", "10.0.0.2, 10.0.0.1", listed)).toBe("10.0.0.2");
    expect(clientAddress("127.0.0.1", "junk, 10.0.0.1", listed)).toBe("10.0.0.1");
  });

  it("refuses a malformed TRUST_PROXY at start with a one-line message", () => {
    expect(() => parseTrustProxy("nginx.local")).toThrow(AddressListError);
    expect(() => loadConfig([], { TRUST_PROXY: "10.0.0.0/40" } as unknown as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig([], { TRUST_PROXY: "maybe" } as unknown as NodeJS.ProcessEnv)).toThrow(/TRUST_PROXY/);
    expect(loadConfig([], { TRUST_PROXY: "yes" } as unknown as NodeJS.ProcessEnv).trustProxy).toEqual({
      kind: "nearest",
    });
  });
});
