// CommonJS consumer: Node >= 20.19 loads the ESM package through require().
const { validateAssumeRole } = require('@rolecall/validators');

const bad = validateAssumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'has space' });
console.log(JSON.stringify({ bad: bad.valid, codes: bad.issues.map((i) => `${i.code} ${i.path}`) }));
