// The map's sprite (lib/map/layout.ts mapSprite) imported as a static file: Next.js gives its URL as
// StaticImageData, vitest (Vite) as a string. Declared by name, so it cannot clash with next-env.d.ts's "*.svg".
declare module "@/lib/map/map-sprite.svg" {
  const sprite: { src: string } | string;
  export default sprite;
}
