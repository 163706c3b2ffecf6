/** A section folder's name as a heading: `architecture` → "Architecture", `the-lab` → "The lab". */
export function sectionTitle(section: string): string {
	const words = section.replace(/[-_]+/g, ' ').trim();
	return words ? words[0]!.toUpperCase() + words.slice(1) : section;
}
