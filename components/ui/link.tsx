"use client";

// The app's one link: next/link, prefetching a page when the reader reaches for its link (pointer over it,
// keyboard focus on it, a finger on it) instead of whenever the link scrolls into view.
//
// Why: every page here is dynamic (it depends on the signed-in person), so a viewport prefetch fetches only the
// page's loading shell, yet the dashboard alone fired 27 of them on each load (the header's links, most twice,
// and the headline figures): 27 more requests to the server per page view, and about 1.2 s of an emulated
// phone's main-thread work (bench/RESULTS.md, issue 18). Reaching for a link still starts the prefetch a few
// hundred milliseconds before the click. `prefetch={false}` still means never.
// ESLint refuses next/link anywhere else (eslint.config.mjs), so there is one way to link.
// eslint-disable-next-line no-restricted-imports
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export type LinkProps = ComponentProps<typeof NextLink>;

export default function Link({ href, prefetch, onPointerEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const router = useRouter();
  // Only an app path as a string is prefetched: every link here has one (an object href would need formatting).
  // Reaching for it again is left to the router, which keeps what it fetched and fetches again only once stale.
  const target = typeof href === "string" && href.startsWith("/") && prefetch !== false ? href : null;
  const reach = () => {
    if (target !== null) router.prefetch(target);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(e) => {
        reach();
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        reach();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        reach();
        onTouchStart?.(e);
      }}
    />
  );
}
