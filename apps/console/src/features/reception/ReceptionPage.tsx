export default function ReceptionPage() {
  return <section className="page">ReceptionPage</section>;
}
