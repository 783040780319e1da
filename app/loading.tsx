export default function Loading() {
  return <p aria-busy="true" className="muted">…</p>;
}
