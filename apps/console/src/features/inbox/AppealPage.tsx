export default function AppealPage() {
  return <section className="page">AppealPage</section>;
}
