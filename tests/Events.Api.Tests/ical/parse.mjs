// Reads an iCalendar document on stdin and prints what ical.js makes of it as JSON, for Events.Api.Tests.
// Every VTIMEZONE is registered first, so times are converted by the zone's own rules from the document.
import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const root = new ICAL.Component(ICAL.parse(Buffer.concat(chunks).toString('utf8')));

for (const zone of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}

const events = root.getAllSubcomponents('vevent').map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    description: event.description,
    tzid: component.getFirstProperty('dtstart').getParameter('tzid') ?? null,
    startLocal: event.startDate.toString(),
    startUtc: event.startDate.toJSDate().toISOString(),
    endUtc: event.endDate.toJSDate().toISOString(),
  };
});

process.stdout.write(JSON.stringify({
  version: root.getFirstPropertyValue('version'),
  timezones: root.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
  events,
}));
