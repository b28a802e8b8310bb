export default function WalkInPage() {
  return <section className="page">WalkInPage</section>;
}
