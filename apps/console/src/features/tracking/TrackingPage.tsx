export default function TrackingPage() {
  return <section className="page">TrackingPage</section>;
}
