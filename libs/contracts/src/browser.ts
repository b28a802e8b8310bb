// What a browser bundle (the web console) may import: plain values and functions with no schema
// library behind them, so importing a rule does not pull every event contract into the page.
export * from './lib/resident';
export * from './lib/staff-role-names';
export * from './lib/appeal-states';
