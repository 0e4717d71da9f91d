import type { SeedRandom } from './seed-random.ts';

/**
 * Plausible people for account members: a varied mix of given and family names from many
 * languages, with the email addresses a company would give them.
 */

export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Abdul', 'Ada', 'Adebayo', 'Adriana', 'Ahmed', 'Aiko', 'Aisha', 'Alejandro', 'Alexei',
  'Amara', 'Amir', 'Ana', 'Anders', 'Andrea', 'Anika', 'Arjun', 'Astrid', 'Ayumi', 'Beatriz',
  'Ben', 'Bilal', 'Bo', 'Bongani', 'Camila', 'Carlos', 'Catalina', 'Chen', 'Chiara', 'Chidi',
  'Chloe', 'Dana', 'Daniel', 'Dara', 'Darius', 'David', 'Deepika', 'Diego', 'Dmitri', 'Elena',
  'Elif', 'Emeka', 'Emily', 'Emma', 'Erik', 'Esther', 'Fatima', 'Felix', 'Fernanda', 'Finn',
  'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hassan', 'Heidi', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid',
  'Isabel', 'Ivan', 'Jamal', 'James', 'Javier', 'Jia', 'Jin', 'João', 'Jordan', 'José',
  'Julia', 'Kai', 'Kamala', 'Karan', 'Kateryna', 'Kenji', 'Kofi', 'Lars', 'Layla', 'Leila',
  'Liam', 'Lina', 'Lucas', 'Lucía', 'Magnus', 'Malik', 'Marcus', 'María', 'Mateo', 'Maya',
  'Mei', 'Mohammed', 'Nadia', 'Naledi', 'Nathan', 'Neha', 'Nikhil', 'Nina', 'Noah', 'Nomvula',
  'Olga', 'Omar', 'Oscar', 'Pablo', 'Priya', 'Rafael', 'Rahul', 'Ravi', 'Rin', 'Rosa',
  'Ruth', 'Sakura', 'Samuel', 'Sanjay', 'Sara', 'Sebastián', 'Seo-yeon', 'Shreya', 'Siobhán', 'Sofia',
  'Søren', 'Tariq', 'Tendai', 'Thabo', 'Thomas', 'Tomás', 'Tuan', 'Valentina', 'Wei', 'Yara',
  'Yasmin', 'Yusuf', 'Zainab', 'Zanele', 'Zoë',
];

export const LAST_NAMES: readonly string[] = [
  'Abe', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersen', 'Asante', 'Bakker', 'Banerjee', 'Bianchi', 'Bondarenko',
  'Brown', 'Castillo', 'Chen', 'Cho', 'Cohen', 'Costa', 'da Silva', 'Dang', 'Dubois', 'Dlamini',
  'Eriksson', 'Fernández', 'Fischer', 'Flores', 'Fujita', 'García', 'Gonzalez', 'Gupta', 'Haddad', 'Hansen',
  'Hernández', 'Hoang', 'Hughes', 'Ibrahim', 'Ito', 'Iyer', 'Jansen', 'Johnson', 'Kaur', 'Kim',
  'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Li', 'Lindqvist', 'Liu', 'Lopez', 'Mahlangu', 'Martin',
  'Martínez', 'Mbeki', 'Mehta', 'Mendoza', 'Mensah', 'Moreau', 'Müller', 'Murphy', 'Nakamura', 'Nguyen',
  'Nielsen', 'Novak', 'Nwosu', 'O\u2019Brien', 'Okafor', 'Okonkwo', 'Oliveira', 'Osei', 'Park', 'Patel',
  'Pereira', 'Petrov', 'Popescu', 'Quispe', 'Rahman', 'Ramírez', 'Rao', 'Reddy', 'Reyes', 'Rossi',
  'Sato', 'Schmidt', 'Shah', 'Sharma', 'Silva', 'Singh', 'Smith', 'Sokolova', 'Suzuki', 'Takahashi',
  'Tanaka', 'Taylor', 'Tran', 'Umarov', 'van der Berg', 'Vargas', 'Walker', 'Wang', 'Weber', 'Williams',
  'Wiśniewski', 'Wong', 'Wu', 'Xu', 'Yamamoto', 'Yang', 'Yilmaz', 'Yusuf', 'Zhang', 'Zulu',
];

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
}

const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', œ: 'oe' };

/** The ASCII local-part form of a name: "Siobhán O’Brien" → "siobhan", "obrien". */
export function emailPart(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæßłđœ]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * A person with an address at `domain` that `taken` does not hold yet (adds it). Clashes fall
 * back the way mail admins do: first initial + last name, then a number.
 */
export function newPerson(rand: SeedRandom, domain: string, taken: Set<string>): Person {
  for (;;) {
    const firstName = rand.pick(FIRST_NAMES);
    const lastName = rand.pick(LAST_NAMES);
    const first = emailPart(firstName);
    const last = emailPart(lastName);
    const candidates = [`${first}.${last}`, `${first[0]}${last}`, `${first}.${last}${rand.int(2, 99)}`];
    for (const local of candidates) {
      const email = `${local}@${domain}`;
      if (!taken.has(email)) {
        taken.add(email);
        return { firstName, lastName, email };
      }
    }
  }
}
