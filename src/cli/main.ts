import { Command, Option } from 'commander';
import { runCli } from './commands.ts';

const program = new Command('tide')
  .description('Tide CRM: server and administration commands')
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\nConfiguration comes from the environment: PORT, HOST, DATABASE_URL, TIDE_DATA_DIR, LOG_LEVEL, TIDE_SESSION_SECRET.',
  );

const json = () => new Option('--json', 'machine-readable output (one JSON object)');

program.command('start').description('start the server (builds the web app if needed)').action(() => runCli('start', {}));
program.command('migrate').description('apply pending database migrations').addOption(json()).action((o) => runCli('migrate', o));

const tenant = program.command('tenant').description('manage tenants');
tenant
  .command('create')
  .description('create a tenant with its roles and a first administrator')
  .requiredOption('--slug <slug>', 'short code used at login, e.g. acme')
  .requiredOption('--name <name>', 'display name')
  .option('--admin-name <name>', 'administrator name', 'Admin')
  .option('--admin-email <email>', 'administrator e-mail (login)')
  .option('--admin-mobile <mobile>', 'administrator mobile (login)')
  .option('--admin-password <password>', 'administrator password (generated when omitted)')
  .addOption(json())
  .action((o) => runCli('tenant create', o));

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user in a tenant')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--name <name>', 'display name')
  .option('--email <email>', 'e-mail (login)')
  .option('--mobile <mobile>', 'mobile number (login)')
  .addOption(new Option('--role <role>', 'role').choices(['admin', 'manager', 'sales', 'service']).default('sales'))
  .option('--team <teamId>', 'team id')
  .option('--password <password>', 'password (generated when omitted)')
  .addOption(json())
  .action((o) => runCli('user create', o));

const token = program.command('token').description('manage API tokens');
token
  .command('create')
  .description('create an API token for a user (printed once)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--user <login>', "the user's e-mail or mobile")
  .option('--name <name>', 'what the token is for', 'cli')
  .addOption(json())
  .action((o) => runCli('token create', o));

program
  .command('demo')
  .description('fill a tenant with realistic demo data (teams, staff, customers, leads, opportunities)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .option('--customers <n>', 'number of customers', '300')
  .option('--leads <n>', 'number of leads', '120')
  .option('--seed <n>', 'random seed (same seed, same data)', '1')
  .addOption(json())
  .action((o) => runCli('demo', o));

program
  .command('import')
  .description('import a CSV or XLSX file of customers, orders or leads (resumable, idempotent)')
  .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX file')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .addOption(new Option('--type <type>', 'what the rows are').choices(['customers', 'orders', 'leads']).default('customers'))
  .option('--channel <name>', 'where the file comes from (online shop, ERP, dealer…)', 'cli')
  .option('--template <name>', 'a saved column mapping to apply')
  .addOption(json())
  .action((file: string, o) => runCli('import', { ...o, file }));

await program.parseAsync(process.argv);
