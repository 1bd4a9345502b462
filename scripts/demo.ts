// The three-node demo replay belongs to the reports issue; until it lands the command says so plainly.
process.stdout.write('npm run demo: not yet — the three-node replay arrives with the reports issue.\n');
