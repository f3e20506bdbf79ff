// The floor of the first-load budget: the smallest app on the same stack and versions (react,
// react-dom, @tanstack/react-query, react-router, tailwindcss), one route and one query.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './styles.css';

const queryClient = new QueryClient();

function Page() {
  const config = useQuery({ queryKey: ['config'], queryFn: ({ signal }) => fetch('/api/config', { signal }).then((r) => r.json()) });
  return <p className="p-4 font-mono text-sm">{JSON.stringify(config.data)}</p>;
}

const router = createBrowserRouter([{ path: '/', Component: Page }]);

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
);
