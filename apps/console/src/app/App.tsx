import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from '../api/api-error';
import { AuthProvider, useAuth } from '../auth/auth-context';
import { RequireRoles } from '../auth/RequireRoles';
import { SignInPage } from '../auth/SignInPage';
import { Loading } from '../ui/Loading';
import { PublicLayout } from '../ui/PublicLayout';
import { RouteError } from '../ui/RouteError';
import { StaffLayout } from '../ui/StaffLayout';
import { NothingHerePage } from './NothingHerePage';
import { homeFor, screen, ScreenKey } from './screens';

// Each screen is its own chunk: the reception desk loads without the dashboard's charts.
const ReceptionPage = lazy(() => import('../features/reception/ReceptionPage'));
const WalkInPage = lazy(() => import('../features/walk-in/WalkInPage'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage'));
const AppealPage = lazy(() => import('../features/inbox/AppealPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const TrackingPage = lazy(() => import('../features/tracking/TrackingPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing answer will not change by asking again at once; a lost connection may.
      retry: (failures, error) => failures < 2 && (!(error instanceof ApiError) || error.retryable),
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    },
  },
});

function Home() {
  const { staff } = useAuth();
  if (!staff) return <Navigate to="/sign-in" replace />;
  return <Navigate to={homeFor(staff.roles) ?? '/nothing-here'} replace />;
}

const guarded = (key: ScreenKey, element: React.ReactNode) => (
  <RequireRoles roles={screen(key).roles}>
    <Suspense fallback={<Loading />}>{element}</Suspense>
  </RequireRoles>
);

const router = createBrowserRouter([
  {
    element: <StaffLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'nothing-here', element: <NothingHerePage /> },
      { path: 'reception', element: guarded('reception', <ReceptionPage />) },
      { path: 'walk-in', element: guarded('walkIn', <WalkInPage />) },
      { path: 'inbox', element: guarded('inbox', <InboxPage />) },
      { path: 'inbox/:appealId', element: guarded('inbox', <AppealPage />) },
      { path: 'dashboard', element: guarded('dashboard', <DashboardPage />) },
    ],
  },
  {
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      {
        path: 'track/:registrationNumber?',
        element: (
          <Suspense fallback={<Loading />}>
            <TrackingPage />
          </Suspense>
        ),
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider onSessionEnd={() => queryClient.clear()}>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
