export default function DashboardPage() {
  return <section className="page">DashboardPage</section>;
}
