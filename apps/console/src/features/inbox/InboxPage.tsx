export default function InboxPage() {
  return <section className="page">InboxPage</section>;
}
