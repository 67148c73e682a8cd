import { PageSkeleton } from '@/components/ui/page-skeleton';

// Not above the spaces (a loading boundary around a page turns its not-found answer into a
// streamed 200, and outsiders of a space must get a real 404).
export default PageSkeleton;
